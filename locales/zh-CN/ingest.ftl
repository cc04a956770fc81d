# `ingest` on the command line (src/cli/commands/ingest.ts): one line per file, warnings and the summary.
# The reasons a file is refused and the warnings themselves come from the parser, in English.
ingest-status-new = 新增
ingest-status-replaced = 替换
ingest-status-unchanged = 未变
ingest-status-refused = 拒收
ingest-line = { $status } { $file } -> { $issue }（{ $date } { $number }，{ $articles } 篇）
ingest-line-skipped = { ingest-line }：已存储，跳过
ingest-undated = 日期不详
ingest-no-number = 无期号
ingest-warning = 警告：{ $warning }
ingest-summary = ingest：共 { $files } 个文件，存储 { $stored } 个（新增 { $new } 个，替换 { $replaced } 个，{ $unchanged } 个已存储）
ingest-summary-refused = ，拒收 { $refused } 个：这些文件的内容均未存储
