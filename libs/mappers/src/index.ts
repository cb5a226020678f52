/**
 * @learnpulse/mappers: Open edX, Caliper, Moodle and CSV (OULAD) events mapped to the canonical
 * LearningEvent, and Open edX events to xAPI statements. Pure functions, no I/O.
 */
export * from './oulad';
