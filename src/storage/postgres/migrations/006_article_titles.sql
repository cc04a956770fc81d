-- Stories whose headline was not printed were once stored with an internal marker as their title
-- ("[标题缺失] first words…", "[上接第一版] …"). Members see titles, so the marker goes; the flag stays.
UPDATE articles
SET title = trim(substr(title, strpos(title, ']') + 1))
WHERE title_missing = 1 AND title LIKE '[%]%' AND length(trim(substr(title, strpos(title, ']') + 1))) > 0;
