export { type BloomFilterOptions, ScalableBloomFilter } from './scalable-bloom-filter';
export { BlockedBloomFilter, type BlockedBloomFilterOptions } from './blocked-bloom-filter';
export { digest } from './string-digest';
