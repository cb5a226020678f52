/**
 * Synthetic Open edX tracking-log events like an LMS writes: 2,000 learners in 50 courses;
 * browser video events (their `event` a JSON string), server problem checks with grades, page
 * views, enrolments. Event `i` is always the same, so runs compare.
 */
export function trackingEvent(i: number, start = Date.UTC(2025, 8, 1)): Record<string, unknown> {
  const user = i % 2000;
  const course = `course-v1:BenchX+C${i % 50}+2025`;
  const block = (kind: string) =>
    `block-v1:BenchX+C${i % 50}+2025+type@${kind}+block@${(i % 400).toString(16)}`;
  const context = { user_id: user, course_id: course, org_id: 'BenchX', path: '/event' };
  const time = new Date(start + i * 1000).toISOString().replace('Z', '+00:00');
  const common = {
    username: `learner${user}`,
    ip: '10.0.0.1',
    agent: 'bench',
    host: 'lms.example.edu',
    time,
    context,
  };
  switch (i % 4) {
    case 0:
      return {
        ...common,
        event_type: 'play_video',
        event_source: 'browser',
        page: `https://lms.example.edu/courses/${course}/courseware`,
        event: JSON.stringify({ id: block('video'), code: 'html5', currentTime: i % 600 }),
      };
    case 1:
      return {
        ...common,
        event_type: 'problem_check',
        event_source: 'server',
        event: {
          problem_id: block('problem'),
          grade: i % 3,
          max_grade: 2,
          attempts: 1 + (i % 3),
          success: i % 3 === 2 ? 'correct' : 'incorrect',
          answers: {},
        },
      };
    case 2:
      return {
        ...common,
        event_type: `/courses/${course}/courseware/`,
        event_source: 'server',
        event: '{"POST": {}, "GET": {}}',
      };
    default:
      return {
        ...common,
        event_type: 'edx.course.enrollment.activated',
        event_source: 'server',
        event: { course_id: course, user_id: user, mode: 'audit' },
      };
  }
}
