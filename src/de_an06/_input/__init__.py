"""Reading observed counts as units send them: CSV, XLSX, records and data frames.

``csv_file`` reads CSV text (delimiter sniffed, known headers, STT and blank columns set
aside); ``xlsx_file`` turns a workbook's first sheet into the same text; ``cells`` reads
one cell (a count with Vietnamese thousands grouping, yes/no, a period id); ``checker``
checks every row against the plan and codes the columns; ``merging`` runs the checks,
adds up or refuses duplicates and makes the `Observations` fields; ``origins`` keeps each
row's file and line (the sources a result names).
"""
