-- Was the exercise library's seed (1 MB: tables `exercises` and `exercise_muscles`) for
-- `GET /api/exercises`. The app reads its library from the bundled, precached copy and never called
-- the endpoint, so it went (docs/scale.md, "The Library's source"). Kept as a no-op so that the
-- migration history of existing databases still lines up; 0005 drops the tables where they exist.
SELECT 1;
