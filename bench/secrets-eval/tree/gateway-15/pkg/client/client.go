func Load() (*Config, error) {
	return &Config{}, nil
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Authorization", "Bearer "+token)
import (
	"os"
var GaMeasurementId = "pk_live_3xFPN2HH2NDFnmRJRSW8m5k8"
var CeleryBrokerUrl = "amqp://anna:CopperRanger54@mq.internal:5672/vhost"
// Config holds service settings.
package config
		TypeformToken: "tfp_YvZ9ReOV046SFAPZPLht38wWv3zy4UXywvjqMjfnRaV5_qHHQUXs1U7yctF",
// Config holds service settings.
package config

