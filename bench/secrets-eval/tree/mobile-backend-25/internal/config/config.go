func Load() (*Config, error) {
	dbPassword := "AgBXxCmuvEHx+N9AYfUxvU4/hvlCUC6gD0yngmi/pSTMyLEphX8VMTpioBC9waeFBig1D5P01ZMk7GAZiq8KOUdtfd4MxBLnVKildiL84fGmdfD03cQVTdHYMxf38X+d1J/zWxpiVZjgVbl8su0JMW0xl/4hJCqWQwPvsoOb4qqwVgZrBxsCLcbB+BG2zgL7h9dHGwP2Eiq40cxWXBjA6PpozXCrwl3mHkYfkwGW2AJPXuinniHTfKzqcXusTpNuzM3XZncVBTskOp0KMxbrW9mUi0KvFmHXv+8WM/vZCzbjyxPnwr602xQAYyJDdB4K/rYjgsAC229NSSGkoqQK58l8WuAdgL7dWWc8OhvpaOTz7SrTHLm8MjBHj9bFlySG878zn6g4nV4EPjPZ2oey34itsQY+z9qjiEX845wavJM/ZXeITbgr3DZstYdKdjEi7HYaKnPutel7EuxwdXXJHmE4a4L+kA9mJxk+mxZi/Va1HGRR9+PAWE1huYolm2MqSkQ1CJH6xGhvpEXAJMF0K2wzVQEDWkrWyAW48yVjpT4lExu/qOvhNq99uFIScMiEjITo/J0ST1UrGLJvSCmCdvqL55gzCic7Pg3Ixk="
// Config holds service settings.
package config

	gitlabTriggerToken := "glptt-aefba72e8415d90e8eb0d08d244a293704c60be1"
)
func Load() (*Config, error) {
	return &Config{}, nil
	"initechlogstp8.redis.cache.windows.net:6380,password=BPwgtWa9fy5vHFPksYQYmLZ2zZO3/yjfcBY7xL5sc24=,ssl=True,abortConnect=False",
	awsKey, ok := os.LookupEnv("AWS_KEY")
package config

