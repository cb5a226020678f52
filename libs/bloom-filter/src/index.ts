export { type BloomFilterOptions, digest, ScalableBloomFilter } from './scalable-bloom-filter';
