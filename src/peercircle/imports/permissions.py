IMPORT_DATA = "imports.import_data"
