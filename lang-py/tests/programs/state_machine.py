class Light:
    TRANSITIONS = {"red": "green", "green": "yellow", "yellow": "red"}
    DURATIONS = {"red": 3, "green": 2, "yellow": 1}
    def __init__(self):
        self.state = "red"
        self.timer = Light.DURATIONS["red"]
        self.history = []
    def tick(self):
        self.timer -= 1
        if self.timer == 0:
            self.history.append(self.state)
            self.state = Light.TRANSITIONS[self.state]
            self.timer = Light.DURATIONS[self.state]
l = Light()
for _ in range(14):
    l.tick()
print(l.state, l.timer, l.history)
def parse_number(s):
    state = "start"
    for ch in s:
        if state == "start":
            state = "sign" if ch in "+-" else ("int" if ch.isdigit() else "error")
        elif state in ("sign", "int"):
            if ch.isdigit():
                state = "int"
            elif ch == "." and state == "int":
                state = "dot"
            else:
                state = "error"
        elif state in ("dot", "frac"):
            state = "frac" if ch.isdigit() else "error"
        if state == "error":
            return False
    return state in ("int", "frac")
print([parse_number(s) for s in ["12", "-3.5", "+", "4.", "abc", "1.2.3", "007", ""]])
