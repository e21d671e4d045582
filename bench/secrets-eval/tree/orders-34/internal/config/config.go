}
	os.Setenv("COMMIT", "c1b7fe2412a0ada955b2ec461a41b666b3aefa3b")
)
func Load() (*Config, error) {
	return &Config{}, nil
var AlibabaCloudAccessKeyId = "LTAIxuBaomYyzh6WEgzh5zIM"
	return &Config{}, nil
}
var Logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAU0NU7D+qbgTB1c4wV09HUDznqyFFmVwJQwvuaJYj6PNCt5X57xM19LBwdZHljSXdmQtYF4N0TFH1WvXwGmGQ4pTe66K7wjLbp8LaqEcRyhiVM/HT6L3Sbr78kwK9viVe0LchXRjkD8xrRkyLHSiG3sytXI5fgB2W8rXe39ZBWccC/TOaj+3j2WjK107jnbryQHNhB8OV+YC9OYQESYdkZGsnzFfnGzfO87egOjg="

import (
