# `ingest` on the command line (src/cli/commands/ingest.ts): one line per file, warnings and the summary.
# The reasons a file is refused and the warnings themselves come from the parser, in English.
ingest-status-new = new
ingest-status-replaced = replaced
ingest-status-unchanged = unchanged
ingest-status-refused = refused
ingest-line = { $status } { $file } -> { $issue } ({ $date } { $number }, { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
  })
ingest-line-skipped = { ingest-line }: already stored, skipped
ingest-undated = undated
ingest-no-number = no number
ingest-warning = warning: { $warning }
ingest-summary = ingest: stored { $stored } of { $files } files ({ $new } new, { $replaced } replaced, { $unchanged } already stored)
ingest-summary-refused = , refused { $refused }: nothing from those files was stored
