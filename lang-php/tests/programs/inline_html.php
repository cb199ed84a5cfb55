<h1>Title</h1>
<?php $items = ['a', 'b']; ?>
<ul>
<?php foreach ($items as $i): ?>
  <li><?= $i ?></li>
<?php endforeach; ?>
</ul>
<?= "short echo", "\n" ?>

trailing text
<?php
echo "no closing tag\n";
