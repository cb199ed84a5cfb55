<?php
echo "unterminated
