def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    return dp[len(a)][len(b)]
print(lcs("ABCBDAB", "BDCABA"), lcs("kitten", "sitting"))
def edit(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
print(edit("kitten", "sitting"), edit("", "abc"), edit("flaw", "lawn"))
def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]
print(knapsack([(2, 3), (3, 4), (4, 5), (5, 6)], 5), knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7))
def coins(amount, denoms):
    ways = [1] + [0] * amount
    for d in denoms:
        for a in range(d, amount + 1):
            ways[a] += ways[a - d]
    return ways[amount]
print(coins(100, [1, 5, 10, 25, 50]), coins(10, [2, 5, 3, 6]))
memo = {}
def collatz(n):
    if n == 1:
        return 1
    if n in memo:
        return memo[n]
    r = 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)
    memo[n] = r
    return r
best = max(range(1, 3000), key=collatz)
print(best, collatz(best))
def primes(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]
ps = primes(1000)
print(len(ps), ps[-5:], sum(ps))
