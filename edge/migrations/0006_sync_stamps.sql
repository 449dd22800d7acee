-- Per-field hybrid logical clock stamps (shared/sync/hlc.ts, stamped.ts): which edit wins is
-- decided by time, not by arrival. `stamps` is a JSON object { field: stamp } for a live record;
-- `deleted_stamp` is a tombstone's delete stamp. Rows from before have neither: their fields lose
-- to any stamped write.
ALTER TABLE records ADD COLUMN stamps TEXT;
ALTER TABLE records ADD COLUMN deleted_stamp TEXT;
