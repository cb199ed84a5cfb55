<?php
return ['name' => 'demo', 'debug' => true, 'depth' => $depth ?? 0];
