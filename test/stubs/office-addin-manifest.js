// office-addin-mock imports office-addin-manifest only for its OfficeApp host names; the real
// package's ESM-only dependencies cannot load under Jest on Node 20, so tests get this stand-in.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
