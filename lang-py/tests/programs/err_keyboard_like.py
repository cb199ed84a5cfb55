import sys
def main():
    print("main running")
    raise SystemExit(4)
if __name__ == "__main__":
    main()
