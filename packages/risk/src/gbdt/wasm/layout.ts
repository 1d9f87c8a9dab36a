// Memory layout of the boosting kernels: one linear memory whose header at address 0 holds the
// addresses of the arrays (the `H_` byte offsets, filled by the booster, ./boost-memory.ts) and
// the parameters of the split scan; task and node records the booster writes for the kernels.
import { type Code, i32c, i32load } from './assembler.ts';

// Header fields (byte offsets; i32 unless noted; addresses are byte addresses).
/** Rows. */
export const H_N = 0;
/** Features. */
export const H_F = 4;
/** Row-major histogram slots, u16 (or u32 when wide): `slot[r·F + f] = offsets[f] + bin`. */
export const H_SLOT = 8;
/** Column-major bins, u8: `cols[f·n + r]`. */
export const H_COLS = 12;
/** Gradient and hessian of each row, interleaved f64 pairs. */
export const H_GH = 16;
/** Margin (log-odds) of each row, f64. */
export const H_MARGIN = 20;
/** Outcome of each row (0/1), f64. */
export const H_Y = 24;
/** Row numbers grouped by node, i32. */
export const H_ROWS = 28;
/** Scratch for partitions, i32, as long as the rows. */
export const H_SCRATCH = 32;
/** Leaf (node id) each row reached in the current tree, i32. */
export const H_LEAF = 36;
/** First histogram pair of each feature, i32 (F + 1 entries). */
export const H_OFFSETS = 40;
/** Features of the current tree, ascending, i32. */
export const H_FEATURES = 44;
/** Histogram tasks, {@link HIST_TASK} i32 each. */
export const H_HIST_TASKS = 48;
/** Current tree for walks, {@link NODE} i32 per node. */
export const H_NODES = 52;
/** Value of each node of the current tree, f64. */
export const H_VALUES = 56;
/** Partition tasks, {@link PART_TASK} i32 each. */
export const H_PART_TASKS = 64;
/** Split-scan nodes, {@link SCAN_NODE} bytes each. */
export const H_SCAN_NODES = 68;
/** Number of split-scan nodes of the current histogram command. */
export const H_SCAN_COUNT = 72;
/** Per feature: 1 if categorical (u8). */
export const H_CATEGORICAL = 76;
/** Gradient and hessian sums written by `sums` (two f64). */
export const H_SUMS = 80;
/** L2 penalty on leaf weights (f64). */
export const H_LAMBDA = 96;
/** Minimum hessian sum of a child (f64). */
export const H_MIN_CHILD = 104;
/** A split must gain more than this (f64): gamma + 1e−12. */
export const H_MIN_GAIN = 112;
/** Where the histogram kernel drops the values it loads only to bring them into cache (i32). */
export const H_SINK = 120;
/** Bytes reserved for the header. */
export const HEADER_BYTES = 128;

/** Histogram task: first row index, end row index, histogram address, parent address or −1. */
export const HIST_TASK = 4;
/**
 * Partition task (i32 fields): 0 first row index, 1 end, 2 feature, 3 last bin going left,
 * 4 missing bin, 5 missing goes left (0/1), 6 mask address or −1 for a numeric split, 7 mode
 * ({@link PART_SPLIT}, {@link PART_LEAVES}, {@link PART_FILL}), 8 left id, 9 right id, 10 (out)
 * index of the first row going right.
 */
export const PART_TASK = 12;
/** Stable in-place partition of the rows (left keeps its order, then right). */
export const PART_SPLIT = 0;
/** Record each row's leaf (left or right id) without moving rows. */
export const PART_LEAVES = 1;
/** Record the left id as every row's leaf. */
export const PART_FILL = 2;
/**
 * Split-scan node (bytes): 0 G, 8 H, 16 parent score (f64); 24 histogram address, 28 address
 * of its results (i32): {@link SCAN_RESULT} bytes per feature-list position.
 */
export const SCAN_NODE = 32;
/**
 * Best split of one numeric feature of a node (bytes): 0 gain, 8 G left, 16 H left, 24 G right,
 * 32 H right (f64); 40 last bin going left, −1 when there is no split (or the feature is
 * categorical); 44 missing goes left (0/1).
 */
export const SCAN_RESULT = 48;
/** Tree node for walks (i32 fields): feature (−1 leaf), last bin left, missing left, missing bin, left, right, mask address (−1 numeric). */
export const NODE = 8;
/** Bytes per categorical mask (codes are uint8). */
export const MASK_BYTES = 256;

/** Loads the i32 header field at byte offset `field`. */
export const hdr = (field: number): Code => [i32c(0), i32load(field)];
