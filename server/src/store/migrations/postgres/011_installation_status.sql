-- Where a site's widget was last seen (the Embed page; the Playbook page's "Not installed"): one row per allowed
-- origin it loaded on, with the last page (no query or fragment) and when. Written at most once a minute per origin.
CREATE TABLE installation_sightings (
  site_id TEXT NOT NULL REFERENCES sites(id),
  origin TEXT NOT NULL,
  page TEXT,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (site_id, origin)
);
