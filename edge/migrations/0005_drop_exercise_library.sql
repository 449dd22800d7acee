-- The exercise library lives in the app bundle only (docs/scale.md, "The Library's source"): drop the
-- seed that 0003 once loaded into databases made before that change. A no-op on new databases.
DROP INDEX IF EXISTS exercises_by_coach;
DROP TABLE IF EXISTS exercise_muscles;
DROP TABLE IF EXISTS exercises;
DELETE FROM app_meta WHERE key = 'exercise_dataset_version';
