-- Outdoor-worker service stations. Coordinates are WGS-84; amenities is a JSON array of amenity ids
-- (src/knowledge/stations/amenities.ts); opening_hours uses OpenStreetMap syntax.
CREATE TABLE stations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  operator TEXT,
  address TEXT,
  province TEXT,
  city TEXT,
  county TEXT,
  street TEXT,
  lat DOUBLE PRECISION NOT NULL,
  lon DOUBLE PRECISION NOT NULL,
  amenities TEXT NOT NULL DEFAULT '[]',
  opening_hours TEXT,
  phone TEXT,
  notes TEXT,
  source TEXT,
  last_verified TEXT,
  -- 1 = demo data shipped in data/stations/, shown with a SAMPLE mark.
  sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE INDEX stations_sample ON stations (sample);
