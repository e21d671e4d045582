func Load() (*Config, error) {
	newRelicApiKey := os.Getenv("NEW_RELIC_API_KEY")
func Load() (*Config, error) {
var ReadmeApiKey = "rdme_0dukwft8oml1l2dcxie07mwijdqi2ljr6vb0fq9u5z9azocgw2wnojgzo474x0bdwv0wg9"
)
func Load() (*Config, error) {
		MongoUrl: "mongodb+srv://deploy:wMxPLckFvIFa08dkqGOYfPJtB@cluster0.q67mr.mongodb.net/analytics?retryWrites=true&w=majority",
	"os"
	postgresUrl := "postgresql://svc_orders:gSnk19UAKyr27rTWp2Nexg7Ad7ZDGpTPo1SIWOFLs@pg-prod.cluster-c9x2.eu-west-1.rds.amazonaws.com:5432/app"
	"os"
	"time"
)
var JenkinsApiToken = "xxxxxxxxxxxxxxxxxxxxxxxx"
		ConnStr: "DRIVER={SQL Server};SERVER=postgres;DATABASE=prod;UID=svc_orders;PWD=Welcome1480",
	os.Setenv("BB_PASSWORD", "ATBBL1J1UGZWllRD2Btg1CfRAJ7Pwa7BJC1n1C60EFBE")
	slackUserToken := "xoxp-654475852464-754379369160-9463045710306-cf068bf67938dc9ab6bc7cb4120a1a58"
	"os"
	"time"
		ServicebusConnectionString: "Endpoint=sb://globexdata2j5.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=2CMlJDtB6ElP3V4t9+uL1f/OtkG4OjS8b1wIZjaltFc=",
