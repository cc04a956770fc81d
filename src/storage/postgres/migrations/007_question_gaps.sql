-- Questions the sources could not answer, for the staff's gap report: no user or chat id, text masked,
-- deleted 90 days after they were asked.
CREATE TABLE question_gaps (
  id BIGSERIAL PRIMARY KEY,
  asked_at BIGINT NOT NULL,
  question TEXT NOT NULL,
  confidence TEXT NOT NULL CHECK (confidence IN ('related', 'none')),
  -- JSON array of concept keys
  concepts TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX question_gaps_asked_at ON question_gaps (asked_at);
