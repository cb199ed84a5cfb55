class Card:
    RANKS = "23456789TJQKA"
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __lt__(self, other):
        return Card.RANKS.index(self.rank) < Card.RANKS.index(other.rank)
    def __repr__(self):
        return self.rank + self.suit
hand = [Card("K", "h"), Card("2", "s"), Card("A", "d"), Card("K", "h"), Card("9", "c")]
print(sorted(hand), len(set(hand)), Card("K", "h") in hand, hand.count(Card("K", "h")), hand.index(Card("A", "d")))
counts = {}
for c in hand:
    counts[c] = counts.get(c, 0) + 1
print(counts, counts[Card("K", "h")], max(hand), min(hand))
seen = set()
unique = []
for c in hand:
    if c not in seen:
        seen.add(c)
        unique.append(c)
print(unique, Card("2", "s") in seen, Card("3", "s") in seen)
d = {Card("A", "s"): "ace"}
d[Card("A", "s")] = "ACE"
print(d, len(d), d.get(Card("A", "s")), d.pop(Card("A", "s")), d)
