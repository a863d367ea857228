package dev.vidgate.billing;

/**
 * A tenant's money, in micro-credits.
 *
 * @param balance        what is left to spend; always the sum of the tenant's ledger rows
 * @param held           held for jobs not finished yet (already taken off the balance)
 * @param creditLimit    how far below zero holds may take the balance; null means no limit (postpaid)
 * @param dailyLimit     most the tenant may spend per UTC day; null means no limit
 * @param monthlyLimit   most the tenant may spend per UTC month; null means no limit
 * @param spentToday     net spending of the jobs created today (holds count until they settle or release)
 * @param spentThisMonth the same for this month
 */
public record Account(String tenantId, long balance, long held, Long creditLimit, Long dailyLimit, Long monthlyLimit,
                      long spentToday, long spentThisMonth) {}
