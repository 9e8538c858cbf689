-- Tip attachments get the cleaned working copy beside the sealed original (issue 18, point 3),
-- and tips the case they were released into (point 6).

-- the type told from the bytes (image/jpeg, application/pdf, ...); NULL when no check ran
ALTER TABLE tip_attachments ADD COLUMN media_type VARCHAR(100);
-- the copy with its metadata removed, sealed to the team's key like the original; NULL when none
-- could be made (then working_copy_note says why)
ALTER TABLE tip_attachments ADD COLUMN sealed_working_copy ${binary};
ALTER TABLE tip_attachments ADD COLUMN working_copy_note VARCHAR(100) DEFAULT 'none' NOT NULL;

-- the organisation whose tip line received the tip: only its tip handlers see it
ALTER TABLE tips ADD COLUMN owner_org VARCHAR(128) DEFAULT 'local' NOT NULL;

-- the case a handler released the tip into, with the marking chosen for it there
ALTER TABLE tips ADD COLUMN released_case VARCHAR(64);
ALTER TABLE tips ADD COLUMN released_tlp VARCHAR(16);
