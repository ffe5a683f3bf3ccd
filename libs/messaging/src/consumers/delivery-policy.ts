/**
 * How many times a consumer gets an event before it is dead-lettered: enough to ride out a
 * concurrent change or a short database hiccup, few enough that a message that can never
 * succeed (a poison message) is set aside instead of blocking or looping forever.
 */
export const MAX_DELIVERY_ATTEMPTS = 5;
