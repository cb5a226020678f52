-- A skip index for GET /v1/learners/:id/timeline. learning_events is ordered by
-- (tenant, course_id, learner_id, ...), so one learner's events lie in the key range of every
-- course they took; a granule (8,192 rows) of the many small courses holds several courses,
-- and there the primary key cannot exclude it for a learner. The bloom filter lets the
-- timeline skip the granules that do not hold the learner.
ALTER TABLE learning_events
    ADD INDEX IF NOT EXISTS idx_learner_id learner_id TYPE bloom_filter(0.01) GRANULARITY 1
;
-- Rows stored before this migration (a mutation, run in the background).
ALTER TABLE learning_events MATERIALIZE INDEX idx_learner_id
;
