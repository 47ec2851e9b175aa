package securemlnetwork

// existingSubnet is a subnet of this component's network as Azure has it now.
type existingSubnet struct {
	prefix string
	inUse  bool // holds network interfaces: private endpoints, compute, gateways
}
