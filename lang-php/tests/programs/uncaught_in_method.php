<?php
class Repo {
    public function find($id) { return $this->load($id); }
    private function load($id) { throw new OutOfBoundsException("No item $id"); }
}
function run() { (new Repo)->find(7); }
echo "start\n";
run();
