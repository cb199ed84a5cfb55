<?php
echo "ok";
}
