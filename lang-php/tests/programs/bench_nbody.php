<?php
function energy(&$b) {
    $e = 0.0;
    for ($i = 0, $m = count($b); $i < $m; $i++) {
        $b1 = $b[$i];
        $e += 0.5 * $b1[6] * ($b1[3] * $b1[3] + $b1[4] * $b1[4] + $b1[5] * $b1[5]);
        for ($j = $i + 1; $j < $m; $j++) {
            $b2 = $b[$j];
            $dx = $b1[0] - $b2[0]; $dy = $b1[1] - $b2[1]; $dz = $b1[2] - $b2[2];
            $e -= ($b1[6] * $b2[6]) / sqrt($dx * $dx + $dy * $dy + $dz * $dz);
        }
    }
    return $e;
}
$pi = 3.141592653589793; $solarMass = 4 * $pi * $pi; $daysPerYear = 365.24;
$bodies = [
    [0, 0, 0, 0, 0, 0, $solarMass],
    [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * $daysPerYear, 7.69901118419740425e-03 * $daysPerYear, -6.90460016972063023e-05 * $daysPerYear, 9.54791938424326609e-04 * $solarMass],
    [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * $daysPerYear, 4.99852801234917238e-03 * $daysPerYear, 2.30417297573763929e-05 * $daysPerYear, 2.85885980666130812e-04 * $solarMass],
    [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * $daysPerYear, 2.37847173959480950e-03 * $daysPerYear, -2.96589568540237556e-05 * $daysPerYear, 4.36624404335156298e-05 * $solarMass],
    [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * $daysPerYear, 1.62824170038242295e-03 * $daysPerYear, -9.51592254519715870e-05 * $daysPerYear, 5.15138902046611451e-05 * $solarMass],
];
$px = $py = $pz = 0.0;
foreach ($bodies as $b) { $px += $b[3] * $b[6]; $py += $b[4] * $b[6]; $pz += $b[5] * $b[6]; }
$bodies[0][3] = -$px / $solarMass; $bodies[0][4] = -$py / $solarMass; $bodies[0][5] = -$pz / $solarMass;
printf("%0.9f\n", energy($bodies));
$n = 1000; $dt = 0.01; $m = count($bodies);
for ($s = 0; $s < $n; $s++) {
    for ($i = 0; $i < $m; $i++) {
        for ($j = $i + 1; $j < $m; $j++) {
            $dx = $bodies[$i][0] - $bodies[$j][0]; $dy = $bodies[$i][1] - $bodies[$j][1]; $dz = $bodies[$i][2] - $bodies[$j][2];
            $d2 = $dx * $dx + $dy * $dy + $dz * $dz; $mag = $dt / ($d2 * sqrt($d2));
            $mi = $bodies[$i][6] * $mag; $mj = $bodies[$j][6] * $mag;
            $bodies[$i][3] -= $dx * $mj; $bodies[$i][4] -= $dy * $mj; $bodies[$i][5] -= $dz * $mj;
            $bodies[$j][3] += $dx * $mi; $bodies[$j][4] += $dy * $mi; $bodies[$j][5] += $dz * $mi;
        }
    }
    for ($i = 0; $i < $m; $i++) { $bodies[$i][0] += $dt * $bodies[$i][3]; $bodies[$i][1] += $dt * $bodies[$i][4]; $bodies[$i][2] += $dt * $bodies[$i][5]; }
}
printf("%0.9f\n", energy($bodies));
