// Entry of a histogram worker thread (started by ./pool.ts). Between runs it waits on its event
// loop for a job; during a run it blocks on the shared control block and, for each command,
// grabs chunks and runs them with the same kernels as the training thread (./protocol.ts).
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { runCommand } from '../hist-kernel.ts';
import {
  CHUNKS,
  CLOSED,
  CMD,
  DONE,
  ERR,
  grab,
  type HistMessage,
  type JobMessage,
  P0,
  P1,
  SEQ,
  WORKER_CHUNKS,
} from './protocol.ts';

const { port } = workerData as { port: MessagePort };
/** Histograms by run; announcements for a run can arrive while the previous one is finishing. */
const histsOf = new Map<number, Float64Array[]>();

function drain(current: number): void {
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const msg = m.message as HistMessage;
    if (msg.job < current) continue;
    const list = histsOf.get(msg.job) ?? [];
    histsOf.set(msg.job, list);
    list[msg.index] = msg.hist;
  }
}

function runJob({ job, ctrl, buffers }: JobMessage): void {
  for (const j of histsOf.keys()) if (j < job) histsOf.delete(j);
  const hists = histsOf.get(job) ?? [];
  histsOf.set(job, hists);
  let seen = 0;
  for (;;) {
    if (Atomics.load(ctrl, CLOSED) === 1) {
      histsOf.delete(job);
      return;
    }
    const seq = Atomics.load(ctrl, SEQ);
    if (seq === seen) {
      Atomics.wait(ctrl, SEQ, seen, 1000);
      continue;
    }
    seen = seq;
    drain(job);
    const cmd = Atomics.load(ctrl, CMD);
    const p0 = Atomics.load(ctrl, P0);
    const p1 = Atomics.load(ctrl, P1);
    const chunks = Atomics.load(ctrl, CHUNKS);
    for (let c = grab(ctrl, seq, chunks); c >= 0; c = grab(ctrl, seq, chunks)) {
      try {
        runCommand(buffers, hists, cmd, p0, p1, c, chunks);
      } catch {
        Atomics.store(ctrl, ERR, 1);
      }
      Atomics.add(ctrl, WORKER_CHUNKS, 1);
      if (Atomics.add(ctrl, DONE, 1) + 1 === chunks) Atomics.notify(ctrl, DONE);
    }
  }
}

parentPort!.on('message', (msg: JobMessage | { ping: MessagePort }) => {
  if ('ping' in msg) {
    msg.ping.postMessage('ready');
    msg.ping.close();
  } else runJob(msg);
});
