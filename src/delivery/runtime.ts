/**
 * The digest sender running in this process (set by the subscribe feature's start hook), so that a
 * publish from the bot (admin document, inbox) wakes it at once instead of at its next poll.
 */
import type { DigestSender } from "./sender.js";

export const deliveryRuntime: { sender: DigestSender | undefined; wake(): void } = {
  sender: undefined,
  wake() {
    this.sender?.wake();
  },
};
