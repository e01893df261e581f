/** How a protected value shows before decryption: a short, recognisable piece of the ciphertext. */
export function shortenCiphertext(value: string, head = 10, tail = 4): string {
  return value.length <= head + tail + 1 ? value : `${value.slice(0, head)}…${value.slice(-tail)}`;
}
