/** The in-memory Excel itself: its limits, strictness and the parts of the object model it adds. */
import { COMMAND_OVERHEAD_BYTES, PAYLOAD_LIMIT_BYTES, createMemoryExcel, type MemoryExcel, type MemoryExcelOptions, type MemSheetSpec } from './memoryExcel';

type Batch = (context: Excel.RequestContext) => Promise<void>;

/** What a batch rejects with (or undefined when it succeeds). */
async function outcome(excel: MemoryExcel, batch: Batch): Promise<{ code?: string; message?: string } | undefined> {
  try {
    await excel.run(batch);
    return undefined;
  } catch (e) {
    return e as { code?: string; message?: string };
  }
}

const code = (c: string) => expect.objectContaining({ code: c });

function ws(context: Excel.RequestContext, name = 'S'): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

const long = (n: number) => 'x'.repeat(n);

/** Workbook.use1904DateSystem is a preview API, absent from the release typings. */
const preview1904 = (context: Excel.RequestContext) => (context.workbook as unknown as { use1904DateSystem: boolean }).use1904DateSystem;

describe('request payload limit (5 MB per sync on the web)', () => {
  it('estimates a sync as a fixed overhead per command plus the UTF-8 JSON of its arguments', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }]);
    await excel.run(async (context) => {
      ws(context).getRange('A1').values = [['中b']];
      await context.sync();
    });
    // getItem("S"), getRange("A1"), values = [["中b"]] (中 is 3 bytes in UTF-8).
    const args = '["S"]'.length + '["A1"]'.length + '[[["中b"]]]'.length + 2;
    expect(excel.stats.perSync).toEqual([{ request: 3 * COMMAND_OVERHEAD_BYTES + args, response: 0, commands: 3 }]);
    expect(excel.stats).toMatchObject({ syncs: 1, maxRequestBytes: 3 * COMMAND_OVERHEAD_BYTES + args, maxResponseBytes: 0 });
  });

  it('rejects a 6 MB write with RequestPayloadSizeLimitExceeded and applies nothing of that sync', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }]);
    const error = await outcome(excel, async (context) => {
      const sheet = ws(context);
      sheet.tabColor = '#FF0000';
      sheet.getRange('A1:A200').values = Array.from({ length: 200 }, () => [long(30_000)]);
      await context.sync();
    });
    expect(error).toEqual(code('RequestPayloadSizeLimitExceeded'));
    expect(excel.sheet('S')?.tabColor).toBe('');
    expect(excel.grid('S')).toEqual([]);
    expect(PAYLOAD_LIMIT_BYTES).toBe(5 * 1024 * 1024);
  });

  it('passes a request of exactly the limit and refuses one byte more', async () => {
    const batch: Batch = async (context) => {
      ws(context).getRange('A1:A3').values = [[long(1000)], ['中文'], [1]];
      await context.sync();
    };
    const probe = createMemoryExcel([{ name: 'S', values: [] }]);
    await probe.run(batch);
    const bytes = probe.stats.perSync[0].request;
    expect(await outcome(createMemoryExcel([{ name: 'S', values: [] }], { maxRequestBytes: bytes }), batch)).toBeUndefined();
    expect(await outcome(createMemoryExcel([{ name: 'S', values: [] }], { maxRequestBytes: bytes - 1 }), batch)).toEqual(code('RequestPayloadSizeLimitExceeded'));
  });
});

describe('response payload limit (5 MB per sync on the web)', () => {
  const big: MemSheetSpec = { name: 'S', values: Array.from({ length: 200 }, () => [long(30_000)]) };

  it('rejects loading 6 MB of values with ResponsePayloadSizeLimitExceeded; nothing is delivered', async () => {
    const excel = createMemoryExcel([big]);
    await excel.run(async (context) => {
      const range = ws(context).getRange('A1:A200');
      range.load('values');
      await expect(context.sync()).rejects.toEqual(code('ResponsePayloadSizeLimitExceeded'));
      expect(() => range.values).toThrow(code('PropertyNotLoaded'));
      // Half of it fits.
      const half = ws(context).getRange('A1:A100');
      half.load('values');
      await context.sync();
      expect(half.values).toHaveLength(100);
    });
    expect(excel.stats.maxResponseBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it('passes a response of exactly the limit, refuses one byte more and rolls back the writes of that sync', async () => {
    const sheets: MemSheetSpec[] = [{ name: 'S', values: [['甲', 1, true], ['', 2.5, 'x']] }];
    const batch: Batch = async (context) => {
      const sheet = ws(context);
      sheet.getRange('D1').values = [['written']];
      sheet.name = 'Renamed';
      context.workbook.worksheets.add('New');
      const range = sheet.getRange('A1:C2');
      range.load('values,address');
      await context.sync();
    };
    const probe = createMemoryExcel(sheets);
    await probe.run(batch);
    const bytes = probe.stats.perSync[0].response;
    expect(bytes).toBeGreaterThan(0);
    expect(await outcome(createMemoryExcel(sheets, { maxResponseBytes: bytes }), batch)).toBeUndefined();
    const refused = createMemoryExcel(sheets, { maxResponseBytes: bytes - 1 });
    expect(await outcome(refused, batch)).toEqual(code('ResponsePayloadSizeLimitExceeded'));
    expect(refused.sheets.map((s) => s.name)).toEqual(['S']);
    expect(refused.cell('S', 'D1')).toBeUndefined();
  });
});

describe('the 5,000,000-cell read limit', () => {
  it('refuses loading values, number formats or formulas of a range over 5,000,000 cells with RangeExceedsLimit', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [[1]] }]);
    for (const property of ['values', 'numberFormat', 'formulas', 'text']) {
      const error = await outcome(excel, async (context) => {
        ws(context).getRange('A1:E1000001').load(property);
        await context.sync();
      });
      expect(error).toEqual(code('RangeExceedsLimit'));
    }
    // The whole sheet's address is fine: only cell data is limited.
    await excel.run(async (context) => {
      const all = ws(context).getRange();
      all.load('address,rowCount');
      await context.sync();
      expect(all.rowCount).toBe(1_048_576);
    });
  });

  it('passes a read of exactly maxReadCells and refuses one cell more', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [[1]] }], { maxReadCells: 100 });
    const load = (address: string) =>
      outcome(excel, async (context) => {
        ws(context).getRange(address).load('values');
        await context.sync();
      });
    expect(await load('A1:J10')).toBeUndefined();
    expect(await load('A1:A101')).toEqual(code('RangeExceedsLimit'));
    const props = await outcome(excel, async (context) => {
      ws(context).getRange('A1:A101').getCellProperties({ format: { fill: { color: true } } });
      await context.sync();
    });
    expect(props).toEqual(code('RangeExceedsLimit'));
  });
});

describe('PropertyNotLoaded', () => {
  it('guards every property until it is loaded and synced', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [[1]], protected: true }, { name: 'T', values: [] }], { previewApis: true });
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const sheet = sheets.getItem('S');
      const missing = sheets.getItemOrNullObject('none');
      const range = sheet.getRange('A1');
      const app = context.workbook.application;
      const formats = sheets.getItem('T').getRange('A1:B2').conditionalFormats;
      const cf = formats.add('Custom' as Excel.ConditionalFormatType);
      const reads: [string, () => unknown][] = [
        ['isNullObject', () => missing.isNullObject],
        ['items', () => sheets.items],
        ['values', () => range.values],
        ['id', () => sheet.id],
        ['name', () => sheet.name],
        ['visibility', () => sheet.visibility],
        ['protection.protected', () => sheet.protection.protected],
        ['use1904DateSystem', () => preview1904(context)],
        ['calculationMode', () => app.calculationMode],
        ['conditional format id', () => cf.id],
      ];
      const check = () => {
        for (const [what, get] of reads) expect({ what, error: (() => { try { get(); return null; } catch (e) { return (e as { code?: string }).code; } })() }).toEqual({ what, error: 'PropertyNotLoaded' });
      };
      check();
      sheets.load('items/name');
      sheet.load('id,name,visibility');
      sheet.protection.load('protected');
      range.load('values');
      context.workbook.load('use1904DateSystem');
      app.load('calculationMode');
      cf.load('id');
      // Loaded, not yet synced: still unreadable (isNullObject too).
      check();
      const count = formats.getCount();
      expect(() => count.value).toThrow(code('ValueNotLoaded'));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(sheets.items.map((s) => s.name)).toEqual(['S', 'T']);
      expect(range.values).toEqual([[1]]);
      expect(sheet.id).toMatch(/^\{.+\}$/);
      expect([sheet.name, sheet.visibility, sheet.protection.protected]).toEqual(['S', 'Visible', true]);
      expect(preview1904(context)).toBe(false);
      expect(app.calculationMode).toBe('Automatic');
      expect(cf.id).toMatch(/CF/);
      expect(count.value).toBe(1);
    });
  });

  it('keeps a null object unreadable but its isNullObject', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }]);
    await excel.run(async (context) => {
      const used = ws(context).getUsedRangeOrNullObject(true);
      used.load('address');
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(() => used.address).toThrow(code('PropertyNotLoaded'));
    });
  });
});

describe('requirement sets', () => {
  const calls: [string, string, Batch][] = [
    ['1.8', 'Range.dataValidation', async (c) => void (ws(c).getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } })],
    ['1.8', 'Application.calculationMode (set)', async (c) => void (c.workbook.application.calculationMode = 'Manual' as Excel.CalculationMode)],
    ['1.9', 'Worksheet.getRanges', async (c) => void (ws(c).getRanges('A1,B2').format.fill.color = '#FFFF00')],
    ['1.9', 'Worksheet.autoFilter', async (c) => ws(c).autoFilter.apply(ws(c).getRange('A1:B2'))],
    ['1.9', 'Worksheet.pageLayout', async (c) => void (ws(c).pageLayout.zoom = { scale: 80 })],
    ['1.9', 'PageLayout.headersFooters', async (c) => void (ws(c).pageLayout.headersFooters.defaultForAllPages.centerHeader = 'x')],
    ['1.9', 'Worksheet.horizontalPageBreaks', async (c) => void ws(c).horizontalPageBreaks.add('A5')],
    ['1.9', 'Range.getCellProperties', async (c) => void ws(c).getRange('A1').getCellProperties({ format: { fill: { color: true } } })],
    ['1.9', 'RangeFill.pattern (load)', async (c) => void ws(c).getRange('A1').load('format/fill/pattern')],
    ['1.13', 'Workbook.insertWorksheetsFromBase64', async (c) => void c.workbook.insertWorksheetsFromBase64('UEs=')],
  ];
  const parseWorkbook = () => [{ name: 'Inserted', values: [[1]] }];

  it.each(calls)('ExcelApi %s: %s rejects its sync with ApiNotFound at 1.7, applying nothing of it', async (_version, _api, call) => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }], { api: '1.7', parseWorkbook });
    const error = await outcome(excel, async (context) => {
      ws(context).getRange('A1').values = [['before']];
      await call(context);
      await context.sync();
    });
    expect(error).toEqual(code('ApiNotFound'));
    expect(excel.cell('S', 'A1')).toBeUndefined();
  });

  it.each(calls)('ExcelApi %s: %s works at 1.13', async (_version, _api, call) => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }], { parseWorkbook });
    expect(await outcome(excel, async (context) => {
      await call(context);
      await context.sync();
    })).toBeUndefined();
  });

  it('works at the version that introduced it, and refuses it one version below', async () => {
    for (const [version, , call] of calls) {
      const minor = Number(version.split('.')[1]);
      const at = (api: string) => outcome(createMemoryExcel([{ name: 'S', values: [] }], { api: api as MemoryExcelOptions['api'], parseWorkbook }), async (context) => {
        await call(context);
        await context.sync();
      });
      expect(await at(version)).toBeUndefined();
      expect(await at(`1.${minor - 1}`)).toEqual(code('ApiNotFound'));
    }
  });

  it('uses ExcelApi 1.7 APIs at 1.7: getRangeByIndexes, freezePanes, tabColor, hyperlink, custom properties, conditional formats', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [] }], { api: '1.7' });
    expect(await outcome(excel, async (context) => {
      const sheet = ws(context);
      sheet.getRangeByIndexes(0, 0, 1, 2).values = [[1, 2]];
      sheet.freezePanes.freezeRows(1);
      sheet.tabColor = '#00FF00';
      sheet.getRange('C1').hyperlink = { address: 'https://example.com', textToDisplay: 'x' };
      context.workbook.properties.custom.add('k', 'v');
      sheet.getRange('A1:B1').conditionalFormats.add('CellValue' as Excel.ConditionalFormatType).cellValue.format.fill.color = '#FF0000';
      sheet.protection.load('protected');
      await context.sync();
    })).toBeUndefined();
    expect(excel.sheet('S')?.freeze).toEqual({ rows: 1, columns: 0 });
  });

  it('keeps Workbook.use1904DateSystem to the preview APIs', async () => {
    const load: Batch = async (context) => {
      context.workbook.load('use1904DateSystem');
      await context.sync();
    };
    expect(await outcome(createMemoryExcel(), load)).toEqual(code('ApiNotFound'));
    const preview = createMemoryExcel(undefined, { previewApis: true, date1904: true });
    await preview.run(async (context) => {
      context.workbook.load('use1904DateSystem');
      await context.sync();
      expect(preview1904(context)).toBe(true);
    });
  });

  it('answers isSetSupported for the configured set, for pane tests', () => {
    const excel = createMemoryExcel(undefined, { api: '1.9' });
    expect(excel.api).toBe('1.9');
    expect(['1.1', '1.7', '1.9', '1.10', '1.13'].map((v) => excel.isSetSupported('ExcelApi', v))).toEqual([true, true, true, false, false]);
    expect(excel.isSetSupported('WordApi', '1.1')).toBe(false);
    expect(createMemoryExcel().isSetSupported('ExcelApi', '1.13')).toBe(true);
  });
});

describe('worksheet ids', () => {
  it('keeps a sheet id through renames and moves, and finds the sheet by id', async () => {
    const excel = createMemoryExcel([{ name: 'A', values: [] }, { name: 'B', values: [] }]);
    const id = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('B');
      sheet.load('id');
      await context.sync();
      sheet.name = 'B2';
      sheet.position = 0;
      await context.sync();
      return sheet.id;
    });
    await excel.run(async (context) => {
      const again = context.workbook.worksheets.getItem(id);
      again.load('id,name,position');
      await context.sync();
      expect([again.id, again.name, again.position]).toEqual([id, 'B2', 0]);
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['B2', 'A']);
      expect(new Set(sheets.items.map((s) => s.id)).size).toBe(2);
    });
  });

  it('returns inserted sheet ids, in reverse order with shuffleInsertedIds, and can refuse an insert', async () => {
    const parseWorkbook = () => [{ name: '一', values: [[1]] }, { name: '二', values: [[2]] }];
    const insert = (options: MemoryExcelOptions) => {
      const excel = createMemoryExcel([{ name: 'S', values: [] }], { parseWorkbook, ...options });
      const ids = excel.run(async (context) => {
        const result = context.workbook.insertWorksheetsFromBase64('UEs=', { positionType: 'End' as Excel.WorksheetPositionType });
        expect(() => result.value).toThrow(code('ValueNotLoaded'));
        await context.sync();
        return result.value;
      });
      return { excel, ids };
    };
    const plain = insert({});
    expect(await plain.ids).toEqual(plain.excel.sheets.slice(1).map((s) => s.id));
    const shuffled = insert({ shuffleInsertedIds: true });
    expect(await shuffled.ids).toEqual(shuffled.excel.sheets.slice(1).map((s) => s.id).reverse());
    await expect(insert({ failInsert: Object.assign(new Error('no'), { code: 'UnsupportedFeature' }) }).ids).rejects.toEqual(code('UnsupportedFeature'));
    await expect(insert({ parseWorkbook: undefined }).ids).rejects.toEqual(code('UnsupportedFeature'));
  });
});

describe('inserting rows', () => {
  function sheet() {
    return createMemoryExcel([{ name: 'S', values: [['h1', 'h2', 'h3'], [1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]] }]);
  }

  it('shifts cells, conditional formats and merges down when a whole row is inserted', async () => {
    const excel = sheet();
    const cfId = await excel.run(async (context) => {
      const s = ws(context);
      s.getRange('A2:C2').merge();
      s.getRange('A6:C6').merge();
      const below = s.getRange('A4:C5').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      below.custom.rule.formula = '=$A4>5';
      below.custom.format.fill.color = '#FFC7CE';
      const across = s.getRange('A2:C5').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      across.custom.rule.formula = '=TRUE';
      below.load('id');
      await context.sync();
      const inserted = s.getRange('3:3').insert('Down' as Excel.InsertShiftDirection);
      inserted.load('address');
      await context.sync();
      expect(inserted.address).toBe('S!A3:XFD3');
      return below.id;
    });
    expect(excel.grid('S')).toEqual([['h1', 'h2', 'h3'], [1, 2, 3], ['', '', ''], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
    const s = excel.sheet('S')!;
    expect(s.merges).toEqual(['A2:C2', 'A7:C7']);
    // Moved below the insertion, or grown where the insertion falls inside.
    expect(s.conditionalFormats.map((f) => [f.id === cfId, f.address, f.custom?.rule.formula])).toEqual([
      [true, 'A5:C6', '=$A4>5'],
      [false, 'A2:C6', '=TRUE'],
    ]);
    expect(s.conditionalFormats[0].custom?.format.fill.color).toBe('#FFC7CE');
  });

  it('shifts only the columns of a partial range', async () => {
    const excel = sheet();
    await excel.run(async (context) => {
      ws(context).getRange('B3:C3').insert('Down' as Excel.InsertShiftDirection);
      await context.sync();
    });
    expect(excel.grid('S')).toEqual([['h1', 'h2', 'h3'], [1, 2, 3], [4, '', ''], [7, 5, 6], [10, 8, 9], ['', 11, 12]]);
  });

  it('finds, deletes and clears conditional formats by id', async () => {
    const excel = sheet();
    await excel.run(async (context) => {
      const s = ws(context);
      const a = s.getRange('A2:C2').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      s.getRange('A4:C4').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      a.load('id');
      await context.sync();
      s.getRange('A1:C5').conditionalFormats.getItem(a.id).delete();
      const all = s.getRange('A1:C5').conditionalFormats;
      all.load('items/id,items/type');
      await context.sync();
      expect(all.items.map((f) => f.type)).toEqual(['Custom']);
      await expect((async () => {
        s.getRange('A1').conditionalFormats.getItem(a.id).delete();
        await context.sync();
      })()).rejects.toEqual(code('ItemNotFound'));
      s.getRange('A4').conditionalFormats.clearAll();
      await context.sync();
    });
    expect(excel.sheet('S')!.conditionalFormats).toEqual([]);
  });
});

describe('protected sheets', () => {
  it('refuse writes to their cells with AccessDenied, allow reading and selecting, and can be unprotected', async () => {
    const excel = createMemoryExcel([{ name: 'P', values: [['locked']], protected: true }, { name: 'S', values: [] }]);
    const writes: Batch[] = [
      async (c) => void (ws(c, 'P').getRange('A1').values = [['x']]),
      async (c) => void (ws(c, 'P').getRange('A1').numberFormat = [['@']]),
      async (c) => void (ws(c, 'P').getRange('A1').format.fill.color = '#FFFF00'),
      async (c) => void ws(c, 'P').getRange('A1').format.fill.clear(),
      async (c) => ws(c, 'P').getRange('A1:B1').merge(),
      async (c) => void ws(c, 'P').getRange('1:1').insert('Down' as Excel.InsertShiftDirection),
      async (c) => void ws(c, 'P').getRange('A1').conditionalFormats.add('Custom' as Excel.ConditionalFormatType),
    ];
    for (const write of writes) {
      expect(await outcome(excel, async (context) => {
        ws(context, 'S').getRange('A1').values = [['other sheet']];
        await write(context);
        await context.sync();
      })).toEqual(code('AccessDenied'));
    }
    // Commands before the refused one stay applied: Excel's batches are not transactions.
    expect(excel.cell('S', 'A1')?.value).toBe('other sheet');
    expect(excel.cell('P', 'A1')).toEqual({ value: 'locked' });
    await excel.run(async (context) => {
      const p = ws(context, 'P');
      const range = p.getRange('A1');
      range.load('values');
      p.protection.load('protected');
      p.activate();
      range.select();
      await context.sync();
      expect([range.values, p.protection.protected]).toEqual([[['locked']], true]);
      p.protection.unprotect();
      p.getRange('A1').values = [['changed']];
      await context.sync();
    });
    expect(excel.cell('P', 'A1')?.value).toBe('changed');
    expect(excel.sheet('P')?.protected).toBe(false);
  });
});

describe('workbook, application and run options', () => {
  it('records Excel.run options, calculation mode and calculations', async () => {
    const excel = createMemoryExcel(undefined, { calculationMode: 'Manual' });
    await excel.run({ delayForCellEdit: true }, async (context) => {
      const app = context.workbook.application;
      app.load('calculationMode');
      await context.sync();
      expect(app.calculationMode).toBe('Manual');
      app.calculate('Full' as Excel.CalculationType);
      app.calculationMode = 'Automatic' as Excel.CalculationMode;
      await context.sync();
    });
    await excel.run(async () => undefined);
    expect(excel.runOptions).toEqual([{ delayForCellEdit: true }, {}]);
    expect(excel.calculations).toEqual(['Full']);
    expect(excel.calculationMode).toBe('Automatic');
  });

  it('logs every command with the sheet it reached, and every load', async () => {
    const excel = createMemoryExcel([{ name: 'S', values: [[1]] }]);
    await excel.run(async (context) => {
      const range = ws(context).getRangeByIndexes(0, 0, 1, 1);
      range.load('values');
      await context.sync();
    });
    expect(excel.commands).toEqual([
      { api: 'WorksheetCollection.getItem', args: ['S'], sync: 1, sheet: 'S' },
      { api: 'Worksheet.getRangeByIndexes', args: [0, 0, 1, 1], sync: 1, sheet: 'S' },
      { api: 'Range.load', args: ['values'], sync: 1, sheet: 'S' },
    ]);
    expect(excel.loads).toEqual([{ target: 'range:S!A1', properties: 'values', afterSyncs: 0 }]);
    expect(excel.stats.perSync[0]).toMatchObject({ commands: 3 });
    expect(excel.stats.perSync[0].response).toBeGreaterThan(0);
  });
});
