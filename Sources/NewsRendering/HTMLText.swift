// `HTMLText` lives in NewsText since search (NewsSearch) builds highlighted HTML too; re-exported here so that every
// user of NewsRendering keeps finding it where it was.
@_exported import enum NewsText.HTMLText
