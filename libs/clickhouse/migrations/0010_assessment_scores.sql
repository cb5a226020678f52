-- Score distribution per assessment (object with scored events): count, sum, min, max,
-- a t-digest quantiles state and a 10-bucket histogram of the scaled score.
-- Bucket b (0..9) holds scores in [b/10, (b+1)/10); 1.0 falls in bucket 9 and negative
-- scaled scores in bucket 0. Read with sum(scores), sum(score_sum), min(score_min),
-- max(score_max), quantilesTDigestMerge(0.25, 0.5, 0.9)(score_quantiles), sumMap(histogram).
CREATE TABLE IF NOT EXISTS assessment_scores
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id; empty string for events without a course',
    object_id String COMMENT 'Assessment (object) id the score belongs to',
    scores SimpleAggregateFunction(sum, UInt64) COMMENT 'Number of scored events; read with sum(scores)',
    score_sum SimpleAggregateFunction(sum, Float64) COMMENT 'Sum of the scaled scores; the mean is sum(score_sum) / sum(scores)',
    score_min SimpleAggregateFunction(min, Float64) COMMENT 'Lowest scaled score; read with min(score_min)',
    score_max SimpleAggregateFunction(max, Float64) COMMENT 'Highest scaled score; read with max(score_max)',
    score_quantiles AggregateFunction(quantilesTDigest(0.5), Float64) COMMENT 't-digest state of the scaled scores; read with quantilesTDigestMerge(<levels>)(score_quantiles), any levels',
    histogram SimpleAggregateFunction(sumMap, Map(UInt8, UInt64)) COMMENT 'Scored events per bucket 0..9 of the scaled score (floor(score * 10), clamped); read with sumMap(histogram)',
    learners AggregateFunction(uniq, String) COMMENT 'Distinct learners with a score; read with uniqMerge(learners)'
)
ENGINE = AggregatingMergeTree
ORDER BY (tenant, course_id, object_id)
SETTINGS non_replicated_deduplication_window = 10000
COMMENT 'Scaled score distribution (count, sum, min, max, quantiles, histogram) per tenant, course and assessment, fed by assessment_scores_mv from learning_events'
;

CREATE MATERIALIZED VIEW IF NOT EXISTS assessment_scores_mv
TO assessment_scores
(
    tenant LowCardinality(String) COMMENT 'Tenant (institution)',
    course_id String COMMENT 'Course / context id',
    object_id String COMMENT 'Assessment (object) id',
    scores UInt64 COMMENT 'Scored events in the inserted block for this key',
    score_sum Float64 COMMENT 'Sum of their scaled scores',
    score_min Float64 COMMENT 'Lowest scaled score in the block for this key',
    score_max Float64 COMMENT 'Highest scaled score in the block for this key',
    score_quantiles AggregateFunction(quantilesTDigest(0.5), Float64) COMMENT 't-digest state of the scaled scores in the block',
    histogram Map(UInt8, UInt64) COMMENT 'Scored events per bucket in the block',
    learners AggregateFunction(uniq, String) COMMENT 'uniq state of the scored learners in the block'
)
AS SELECT
    tenant,
    course_id,
    object_id,
    toUInt64(count()) AS scores,
    toFloat64(sum(assumeNotNull(score_scaled))) AS score_sum,
    toFloat64(min(assumeNotNull(score_scaled))) AS score_min,
    toFloat64(max(assumeNotNull(score_scaled))) AS score_max,
    quantilesTDigestState(0.5)(assumeNotNull(score_scaled)) AS score_quantiles,
    sumMap(map(toUInt8(least(9, greatest(0, floor(assumeNotNull(score_scaled) * 10)))), toUInt64(1))) AS histogram,
    uniqState(learner_id) AS learners
FROM learning_events
WHERE score_scaled IS NOT NULL
GROUP BY tenant, course_id, object_id
COMMENT 'Feeds assessment_scores from every block inserted into learning_events with a scaled score'
;
