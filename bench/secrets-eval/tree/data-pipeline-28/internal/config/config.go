	"time"
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
	req.Header.Set("Authorization", "Bearer "+token)
func Load() (*Config, error) {
	return &Config{}, nil
}
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
	"time"
)
func Load() (*Config, error) {
	"https://hooks.slack.com/services/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",
	"time"
)
var DeployPubkey = "ssh-rsa AAAAdSU2hSWmrWIRDkE/zmcZ6HtXxo3G5bX7CSWNQsQSJsgrMD7Osn61eoIboT8ZFSLmzJBJ5m5Nb0DC/KdZ4K55DdkdYroU1JIRSWfadxxYBYuGajoXT0X9bwZdqnDg7j5Efzt99nbvfECTaKtHzgPRLeeVLiPlSvJ9So8IeVm4OkuPLk1tZdmSux4mlItjOWBTgDxFFKxjOFRjpOMcpAgqkbKdvplkzAHJrODwxZdPPTtgf/j9cXuzxv11dQBOc2IP/YdSwW9xAYM kevin@laptop"
	"time"
)
func Load() (*Config, error) {
	traceparent := "6a7dad3d17279f16"
var OdbcDsn = "DRIVER={MySQL ODBC 8.0 Unicode Driver};SERVER=10.0.3.17;DATABASE=crm;UID=anna;PWD=Ct575zLySiNHahip"
import (
