/** The Kafka window helpers now live in @learnpulse/testing (the clickstream gateway's specs use them too). */
export { endOffsets, type Offsets, readBetween, type ReadMessage } from '@learnpulse/testing';
