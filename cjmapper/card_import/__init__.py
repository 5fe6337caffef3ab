"""Cards from a spreadsheet: a CSV or XLSX file read (`sheet`: its columns mapped to card fields, every row checked
and previewed) into a plan (`plan`: the phases and lanes to create and the cards to add) that the library applies in
one transaction (`cjmapper.store.card_import_edits`), the editor as one undo step
(`cjmapper.editing.card_import_commands`), and the command line's `import FILE.csv|FILE.xlsx` (`command`)."""
