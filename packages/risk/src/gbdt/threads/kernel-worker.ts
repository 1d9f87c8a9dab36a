// Entry of a kernel worker thread (started by ./pool.ts). Between runs it waits on its event
// loop for a job; during a run it follows the shared control block and, for each command, grabs
// chunks and runs them with the same kernels, on the same memory, as the training thread
// (./protocol.ts).
import { type MessagePort, parentPort } from 'node:worker_threads';
import { runCommand } from '../wasm/commands.ts';
import { instantiateKernels, kernelModule } from '../wasm/kernels.ts';
import {
  CHUNKS,
  CLOSED,
  CMD,
  DONE,
  ERR,
  grab,
  type JobMessage,
  P0,
  P1,
  SEQ,
  Spin,
  WORKER_CHUNKS,
  waitChange,
} from './protocol.ts';

/** How long a worker spins for the next command before it blocks (adapted: see Spin). */
const spin = new Spin(0.5);

function runJob({ ctrl, memory }: JobMessage): void {
  const k = instantiateKernels(memory, true);
  let seen = 0;
  for (;;) {
    if (Atomics.load(ctrl, CLOSED) === 1) return;
    const seq = waitChange(ctrl, SEQ, seen, spin, 1000);
    if (seq === seen) continue;
    seen = seq;
    const cmd = Atomics.load(ctrl, CMD);
    const p0 = Atomics.load(ctrl, P0);
    const p1 = Atomics.load(ctrl, P1);
    const chunks = Atomics.load(ctrl, CHUNKS);
    for (let c = grab(ctrl, seq, chunks); c >= 0; c = grab(ctrl, seq, chunks)) {
      try {
        runCommand(k, cmd, p0, p1, c, chunks);
      } catch {
        Atomics.store(ctrl, ERR, 1);
      }
      Atomics.add(ctrl, WORKER_CHUNKS, 1);
      if (Atomics.add(ctrl, DONE, 1) + 1 === chunks) Atomics.notify(ctrl, DONE);
    }
  }
}

// Compile the kernels before answering the first ping, so that a run never waits for it.
kernelModule(true);

parentPort!.on('message', (msg: JobMessage | { ping: MessagePort }) => {
  if ('ping' in msg) {
    msg.ping.postMessage('ready');
    msg.ping.close();
  } else runJob(msg);
});
