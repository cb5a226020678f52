-- Course-level rollups are read by merging every partial state of a course's rows, and a
-- state per part is read even when the parts hold the same (course, day): the biggest course
-- of the 10M-event benchmark had 395 daily states in 16 parts, where one part per month holds
-- 85. Reading them cost more than merging them (course activity 70 -> 39 ms p50 on the same
-- store once merged). The engine's size-based merge selector leaves such small tables in many
-- parts for good, so each partition is merged whole once no insert has reached it for a
-- minute: closed months once, the current month in every lull of the stream. A partition
-- still taking inserts is left to the normal merges, so a busy one is not rewritten over and
-- over. learner_daily_activity is left out: it is large, and its reads are per learner.
ALTER TABLE course_daily_activity MODIFY SETTING
    min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1
;
ALTER TABLE course_weekly_activity MODIFY SETTING
    min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1
;
ALTER TABLE activity_completion MODIFY SETTING
    min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1
;
ALTER TABLE assessment_scores MODIFY SETTING
    min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1
;
ALTER TABLE video_engagement MODIFY SETTING
    min_age_to_force_merge_seconds = 60, min_age_to_force_merge_on_partition_only = 1
;
