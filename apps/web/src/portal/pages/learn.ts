/** The Learn topics, in reading order; their texts are under `learn.topics.<topic>`. */
export const LEARN_TOPICS = ['rate', 'repayment', 'late', 'fraud'] as const;
export type LearnTopic = (typeof LEARN_TOPICS)[number];

/** Whether a URL segment names a topic. */
export function isLearnTopic(value: string | undefined): value is LearnTopic {
  return (LEARN_TOPICS as readonly string[]).includes(value ?? '');
}
