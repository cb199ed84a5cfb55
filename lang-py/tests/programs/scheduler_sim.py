# A richards-like task scheduler: classes, inheritance, linked packets, state flags.
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return lst

class Task:
    def __init__(self, ident, priority, work):
        self.ident = ident
        self.priority = priority
        self.work = work
        self.waiting = False
        self.count = 0

    def run(self, sched):
        self.count += 1
        return self.step(sched)

class Worker(Task):
    def step(self, sched):
        pkt = self.work
        if pkt is None:
            self.waiting = True
            return None
        self.work = pkt.link
        pkt.datum = (pkt.datum + self.ident * 7) % 26
        for i in range(4):
            pkt.data[i] = (pkt.data[i] + pkt.datum + i) % 26
        sched.queue(pkt)
        return pkt

class Handler(Task):
    def step(self, sched):
        pkt = self.work
        if pkt is None:
            self.waiting = True
            return None
        self.work = pkt.link
        sched.handled += pkt.datum
        if pkt.datum % 3 == 0:
            sched.counts[pkt.kind] = sched.counts.get(pkt.kind, 0) + 1
        return pkt

class Scheduler:
    def __init__(self):
        self.tasks = []
        self.handled = 0
        self.counts = {}
        self.pending = None

    def queue(self, pkt):
        self.pending = pkt.append_to(self.pending)

    def run(self, rounds):
        for r in range(rounds):
            for t in sorted(self.tasks, key=lambda t: -t.priority):
                if t.waiting and t.work is None and self.pending is not None:
                    t.work = self.pending
                    self.pending = self.pending.link
                    t.work.link = None
                    t.waiting = False
                t.run(self)

s = Scheduler()
pkts = None
for i in range(10):
    pkts = Packet(pkts, i, "AB"[i % 2])
s.tasks.append(Worker(1, 3, pkts))
s.tasks.append(Worker(2, 2, None))
s.tasks.append(Handler(3, 1, None))
s.run(300)
print(s.handled, sorted(s.counts.items()), [t.count for t in s.tasks])
