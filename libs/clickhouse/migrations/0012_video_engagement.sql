-- Video engagement per video and day: plays, pauses, completions and other actions on
-- video objects, and distinct viewers. A video event is a played_video / paused_video
-- action or any action on an object whose type names a video.
-- Read with sum(events), sum(plays), sum(pauses), sum(completions), uniqMerge(viewers).
CREATE TABLE IF NOT EXISTS video_engagement
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id; empty string for events without a course',
    object_id String COMMENT 'Video (object) id',
    day Date COMMENT 'UTC day the events occurred on',
    events SimpleAggregateFunction(sum, UInt64) COMMENT 'All video events; read with sum(events)',
    plays SimpleAggregateFunction(sum, UInt64) COMMENT 'played_video events; read with sum(plays)',
    pauses SimpleAggregateFunction(sum, UInt64) COMMENT 'paused_video events; read with sum(pauses)',
    completions SimpleAggregateFunction(sum, UInt64) COMMENT 'completed events on the video; read with sum(completions)',
    viewers AggregateFunction(uniq, String) COMMENT 'Distinct learners with a video event; read with uniqMerge(viewers)'
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (tenant, course_id, object_id, day)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Daily plays, pauses, completions and distinct viewers per tenant, course and video, fed by video_engagement_mv from learning_events'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS video_engagement_mv
TO video_engagement
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    object_id String COMMENT 'Video (object) id',
    day Date COMMENT 'UTC day the events occurred on',
    events UInt64 COMMENT 'Video events in the inserted block for this key',
    plays UInt64 COMMENT 'played_video events in the block',
    pauses UInt64 COMMENT 'paused_video events in the block',
    completions UInt64 COMMENT 'completed events in the block',
    viewers AggregateFunction(uniq, String) COMMENT 'uniq state of the learners in the block'
)
AS SELECT
    tenant,
    course_id,
    object_id,
    toDate(occurred_at) AS day,
    toUInt64(count()) AS events,
    toUInt64(countIf(action = 'played_video')) AS plays,
    toUInt64(countIf(action = 'paused_video')) AS pauses,
    toUInt64(countIf(action = 'completed')) AS completions,
    uniqState(learner_id) AS viewers
FROM learning_events
WHERE action IN ('played_video', 'paused_video') OR positionCaseInsensitive(object_type, 'video') > 0
GROUP BY tenant, course_id, object_id, day
COMMENT 'Feeds video_engagement from every video event inserted into learning_events'
;
