-- Identified visitors (LiveChat('identify', …) signed by the site's backend). Each site's identity secret, kept as
-- is: the server computes HMACs with it, so a hash would not do. One row per site; rotating replaces it.
CREATE TABLE site_identity_secrets (
  site_id TEXT PRIMARY KEY REFERENCES sites(id),
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- The site's user id of an identified contact: one contact per user and site, whatever device they come from.
ALTER TABLE visitors ADD COLUMN external_user_id TEXT;
CREATE UNIQUE INDEX visitors_by_external_user ON visitors(site_id, external_user_id)
  WHERE external_user_id IS NOT NULL;

-- A widget token (the device) acting for an identified contact since its last verified hello, so the token's HTTP
-- requests (files, the launcher's unread count) are the contact's too. Gone at the next hello that does not verify,
-- at expires_at (the signature's expiry) and when the site's secret is rotated.
CREATE TABLE identity_links (
  token_hash TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id),
  visitor_id TEXT NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
  expires_at BIGINT NOT NULL
);
CREATE INDEX identity_links_by_site ON identity_links(site_id);
CREATE INDEX identity_links_by_visitor ON identity_links(visitor_id);
