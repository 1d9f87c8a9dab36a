export {
  type ChannelCallback,
  type ChannelConfirmation,
  type CollectionRequest,
  type CollectionResult,
  channelOf,
  type PaymentChannel,
  paymentChannelsOf,
} from './channel.ts';
export { type AmountDue, amountDue, type DueComponents } from './due.ts';
export {
  amountDueFor,
  confirmPayment,
  initiatePayment,
  listPaymentChannels,
  listPaymentsFor,
  type PaymentView,
} from './payments.ts';
export {
  SANDBOX_HEADERS,
  type SandboxOptions,
  sandboxChannel,
  sandboxChannels,
  sandboxSecret,
  signSandboxCallback,
} from './sandbox.ts';
