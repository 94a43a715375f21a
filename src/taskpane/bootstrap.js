/*
 * ES5 bootstrap for taskpane.html and review.html. It must stay ES5 (test/taskpane/bootstrap.test.ts
 * parses it with ecmaVersion 5): it is the one script that also runs in the webviews the add-in does
 * not support, Internet Explorer 11 (Trident: Office 2019 and earlier volume-licence versions) and
 * Edge Legacy (EdgeHTML), where the bundle cannot even be parsed and the pane would stay blank.
 *
 * The page's Content-Security-Policy forbids inline script, so this is a file of its own, loaded by a
 * plain <script> at the end of <body> (after #root). Its data-scripts attribute lists the bundle's
 * files (HtmlWebpackPlugin's files.js, in order); this script adds them to the page only when the
 * webview can run them. Otherwise it writes a Chinese message into #root and the bundle is never
 * requested.
 */
(function (window, document) {
  'use strict';

  /** Why this webview cannot run the bundle: 'trident', 'edgehtml', 'features', or '' if it can. */
  function unsupportedReason(win) {
    var ua = String((win.navigator && win.navigator.userAgent) || '');
    if (/Trident\/|MSIE /.test(ua)) return 'trident';
    // Edge Legacy says "Edge/18.x"; Chromium-based Edge (supported) says "Edg/".
    if (/\bEdge\/\d/.test(ua)) return 'edgehtml';
    return missingFeatures(win).length ? 'features' : '';
  }

  /** Built-ins the bundle relies on (ES2019+ and the web APIs both pages use) that are missing. */
  function missingFeatures(win) {
    var missing = [];
    var checks = [
      ['Promise', typeof win.Promise === 'function'],
      ['fetch', typeof win.fetch === 'function'],
      ['Symbol', typeof win.Symbol === 'function'],
      ['Map', typeof win.Map === 'function'],
      ['Set', typeof win.Set === 'function'],
      ['WeakMap', typeof win.WeakMap === 'function'],
      ['Proxy', typeof win.Proxy === 'function'],
      ['TextDecoder', typeof win.TextDecoder === 'function'],
      ['globalThis', typeof win.globalThis === 'object'],
      ['Object.fromEntries', typeof win.Object.fromEntries === 'function'],
      ['Array.prototype.flat', typeof win.Array.prototype.flat === 'function'],
    ];
    for (var i = 0; i < checks.length; i++) {
      if (!checks[i][1]) missing.push(checks[i][0]);
    }
    return missing;
  }

  /** The standalone page's address next to this page. */
  function reviewPageUrl(location) {
    return String(location.href).replace(/[^/?#]*([?#].*)?$/, 'review.html');
  }

  function element(tag, text, style) {
    var node = document.createElement(tag);
    if (text) node.appendChild(document.createTextNode(text));
    if (style) node.setAttribute('style', style);
    return node;
  }

  function showMessage(reason, page) {
    var cause = {
      trident: '当前 Office 使用 Internet Explorer 11（Trident）显示加载项，Office 2019 及更早的批量许可版本即如此。',
      edgehtml: '当前 Office 使用旧版 Microsoft Edge（EdgeHTML）显示加载项。',
      features: '当前浏览器版本过旧，缺少本加载项需要的功能（' + missingFeatures(window).join('、') + '）。',
    }[reason];
    var box = element('div', '', 'font-family: "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; line-height: 1.6; padding: 12px; color: #242424; background: #ffffff;');
    box.setAttribute('id', 'sme-unsupported');
    box.setAttribute('role', 'alert');
    box.appendChild(element('h1', page === 'review' ? '示范平台审核助手无法在此浏览器中运行' : '示范平台审核助手无法在此版本的 Office 中运行', 'font-size: 18px; margin: 0 0 8px;'));
    box.appendChild(element('p', cause, 'margin: 0 0 8px;'));
    box.appendChild(element('p', '支持的客户端：Windows 版和 Mac 版 Microsoft 365 或 Office 2021 及以上版本的 Excel，以及 Excel 网页版（在当前版本的 Microsoft Edge、Chrome、Firefox 或 Safari 中打开）。Office 2019 批量许可版（Internet Explorer 11）和使用旧版 Edge（EdgeHTML）的 Office 不受支持。', 'margin: 0 0 8px;'));
    box.appendChild(element('p', '请选择以下任一做法：', 'margin: 0 0 4px;'));
    var list = element('ol', '', 'margin: 0 0 8px; padding-left: 20px;');
    if (page === 'review') {
      list.appendChild(element('li', '在当前版本的 Microsoft Edge、Chrome、Firefox 或 Safari 中打开本页：' + String(window.location.href)));
    } else {
      list.appendChild(element('li', '升级到 Microsoft 365 或 Office 2021 及以上版本，再打开本加载项；'));
      list.appendChild(element('li', '或在浏览器中用 Excel 网页版打开工作簿并使用本加载项；'));
      list.appendChild(element('li', '或在当前版本的浏览器中打开独立审核页面（无需 Excel）：' + reviewPageUrl(window.location)));
    }
    box.appendChild(list);
    var root = document.getElementById('root');
    if (root) {
      while (root.firstChild) root.removeChild(root.firstChild);
      root.appendChild(box);
    } else {
      document.body.appendChild(box);
    }
    document.documentElement.setAttribute('data-unsupported', reason);
  }

  /** Adds the bundle's scripts in order (async = false keeps dynamically added scripts in order). */
  function loadScripts(names) {
    for (var i = 0; i < names.length; i++) {
      var script = document.createElement('script');
      script.src = names[i];
      script.async = false;
      document.body.appendChild(script);
    }
  }

  /**
   * Outside Office (a plain browser: Office.onReady gives host null) office.js finds no host
   * information and takes its Office 2013 path: it loads o15apptofilemappingtable.js, whose logger
   * (OSF.Logger.ulsEndpoint) adds a hidden iframe for
   * https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html three
   * seconds later. The page's Content-Security-Policy blocks that frame (default-src 'self'), and
   * Chromium reports the block as a console error; on an intranet the address does not resolve
   * anyway. Outside Office there is nothing of Office's to log, so the frame is not added at all:
   * the logger's loadProxyFrame becomes a no-op while it has not yet made the frame.
   */
  function quietOutsideOffice(win) {
    var endpoint = win.OSF && win.OSF.Logger && win.OSF.Logger.ulsEndpoint;
    if (endpoint && endpoint.proxyFrame == null && typeof endpoint.loadProxyFrame === 'function') {
      endpoint.loadProxyFrame = function () {};
    }
  }

  var tag = document.getElementById('sme-bootstrap');
  var names = String((tag && tag.getAttribute('data-scripts')) || '').split(/\s+/);
  var files = [];
  for (var i = 0; i < names.length; i++) {
    if (names[i]) files.push(names[i]);
  }
  var page = (tag && tag.getAttribute('data-page')) || 'taskpane';
  var reason = unsupportedReason(window);
  if (reason) showMessage(reason, page);
  else loadScripts(files);
  // taskpane.html has office.js. Register with Office.onReady here (the bundle, when it runs, does
  // too): in an unsupported webview this is the page's only call, so the host finishes starting the
  // add-in and shows the message; outside Office it lets quietOutsideOffice run in time.
  try {
    if (window.Office && typeof window.Office.onReady === 'function') {
      window.Office.onReady(function (info) {
        if (!info || !info.host) quietOutsideOffice(window);
      });
    }
  } catch (ignored) {
    // office.js is not usable here; the page goes on without it.
  }
})(window, document);
