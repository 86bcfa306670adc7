"""The report stage: the consolidated workbook, one module per sheet."""
