/** The topics the dispatcher reads and writes; a test may give its own isolated copies. */
import { TOPIC_SPECS, TOPICS, type TopicSpec } from '@learnpulse/kafka';

export interface AlertTopics {
  /** RiskAssessments in (learner.risk.v1). */
  risk: string;
  /** Webhook subscriptions (compacted). */
  subscriptions: string;
  /** Alert memory: last alert per subscription, learner and course (compacted). */
  memory: string;
  /** Alerts not delivered after the last try, and undecodable assessments. */
  deadLetters: string;
  /** Erasure notices of `learner erase` (learnpulse.erasures.v1). */
  erasures: string;
}

export const ALERT_TOPICS: AlertTopics = {
  risk: TOPICS.learnerRisk,
  subscriptions: TOPICS.webhookSubscriptions,
  memory: TOPICS.alertDispatcherState,
  deadLetters: TOPICS.learnerRiskAlertsDlq,
  erasures: TOPICS.learnerErasures,
};

function specAs(declared: string, name: string): TopicSpec {
  const spec = TOPIC_SPECS.find((s) => s.name === declared);
  if (spec === undefined) throw new Error(`${declared} is not declared in TOPIC_SPECS`);
  return { ...spec, name };
}

/** The specs of the given topics, with the configs of the declared ones they stand for. */
export function alertTopicSpecs(topics: AlertTopics): TopicSpec[] {
  return [
    specAs(TOPICS.learnerRisk, topics.risk),
    specAs(TOPICS.webhookSubscriptions, topics.subscriptions),
    specAs(TOPICS.alertDispatcherState, topics.memory),
    specAs(TOPICS.learnerRiskAlertsDlq, topics.deadLetters),
    specAs(TOPICS.learnerErasures, topics.erasures),
  ];
}
